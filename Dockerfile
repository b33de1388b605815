# syntax=docker/dockerfile:1
# reelbot: build with
#   docker build --build-arg GIT_COMMIT=$(git rev-parse --short HEAD) -t reelbot .
# and run it on its environment alone (or mount a config file at /app/config/reelbot.yaml):
#   docker run -d --name reelbot -p 8080:8080 -v reelbot-data:/app/data \
#     -e REELBOT_VIDEO_API_BASE_URL=https://gateway.example.com/v1 \
#     -e REELBOT_SLACK_ENABLED=true -e REELBOT_SLACK_ADMIN_CHANNEL=C0123456789 \
#     -e VIDEO_API_KEY -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN reelbot

# Build stage: the Maven wrapper on a JDK, the same build as on a developer machine; tests are CI's job.
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
# unzip: the wrapper checks the Maven zip's SHA-256 (without unzip it would fetch the tar.gz, unchecked by that sum).
RUN apt-get update \
 && apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependency layer, rebuilt only when the pom or the wrapper changes: Maven itself, then every dependency and
# every plugin (with the plugins' own dependencies) that the package build uses, by packaging the pom alone.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q package -DskipTests && rm -rf target
COPY src ./src
ARG GIT_COMMIT=unknown
# Offline: anything the layer above missed fails the build here instead of being fetched uncached.
RUN ./mvnw -B -q -o package -DskipTests -Dreelbot.commit=${GIT_COMMIT}

# Runtime stage: a JRE, curl for the health check, ffmpeg, the one jar, an unprivileged user.
FROM eclipse-temurin:17.0.15_6-jre-jammy
# System packages the bot runs with: curl for the health check, ffmpeg (with ffprobe) to fit videos over a chat's
# upload limit and take their poster frames (delivery.transcode).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ffmpeg \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 reelbot \
 && useradd --system --uid 10001 --gid reelbot --home-dir /app --shell /usr/sbin/nologin reelbot \
 && mkdir -p /app/data /app/config \
 && chown -R reelbot:reelbot /app
WORKDIR /app
COPY --from=build /src/target/reelbot.jar /app/reelbot.jar
COPY config/reelbot.example.yaml /app/config/reelbot.example.yaml
COPY config/slack-app-manifest.yaml /app/config/slack-app-manifest.yaml
USER reelbot
# The job database (store.path, default data/reelbot.db), downloads and kept videos (media.dir, data/media) live
# here: keep it on a volume, so jobs survive a new container and resume where they were, and links keep working.
VOLUME ["/app/data"]
EXPOSE 8080
# Liveness only: the process and its scheduler. An outage of the video API or a chat platform shows in /readyz
# and /healthz, and must never get the container restarted.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${REELBOT_SERVER_PORT:-8080}/livez" > /dev/null || exit 1
# SIGTERM (docker stop) stops the bot gracefully; allow it time: docker stop -t 60.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/reelbot.jar"]
# No --config: /app/config/reelbot.yaml when one is mounted there, else the defaults and REELBOT_* variables.
CMD ["run"]
