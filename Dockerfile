# syntax=docker/dockerfile:1
# Build stage: the same Maven build as on a developer machine, tests skipped (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE and the one jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 reelbot \
 && useradd --system --uid 10001 --gid reelbot --home-dir /app --shell /usr/sbin/nologin reelbot \
 && mkdir -p /app/data /app/config \
 && chown -R reelbot:reelbot /app
WORKDIR /app
COPY --from=build /src/target/reelbot.jar /app/reelbot.jar
COPY config/reelbot.example.yaml /app/config/reelbot.example.yaml
USER reelbot
# The job database lives here: mount a volume so jobs survive a new container.
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/reelbot.jar"]
CMD ["run", "--config", "/app/config/reelbot.yaml"]
