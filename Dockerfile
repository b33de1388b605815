# syntax=docker/dockerfile:1
# reelbot: build with `docker build -t reelbot .`, run with
#   docker run -d --name reelbot -p 8080:8080 -v reelbot-data:/app/data \
#     -v "$PWD/config/reelbot.yaml:/app/config/reelbot.yaml:ro" \
#     -e VIDEO_API_KEY -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -e DISCORD_TOKEN reelbot

# Build stage: the same Maven build as on a developer machine; tests are CI's job, not the image's.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE, curl for the health check, the one jar, an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
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
# The job database (store.path, default data/reelbot.db) and downloads live here: keep it on a volume, so jobs
# survive a new container and resume where they were.
VOLUME ["/app/data"]
EXPOSE 8080
# Healthy when /healthz answers 200 (store, video API and every enabled platform up).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${REELBOT_SERVER_PORT:-8080}/healthz" > /dev/null || exit 1
# SIGTERM (docker stop) stops the bot gracefully; allow it time: docker stop -t 60.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/reelbot.jar"]
CMD ["run", "--config", "/app/config/reelbot.yaml"]
