# Production image: the NHS.UK frontend assets come from npm in a Node stage (Node 24, the active LTS line), the app is
# built with the Maven wrapper in a JDK stage and split into Spring Boot's layers, and the runtime is a plain JRE
# running as an unprivileged user. Memory follows the container's limit (a share of it, not a fixed -Xmx).
FROM node:24-bookworm-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -Dwithout-embedded-postgres dependency:go-offline
COPY --from=frontend /build/node_modules node_modules
COPY src src
# npm already ran in the frontend stage; the image is always given a database server, so it carries no embedded
# PostgreSQL binaries
RUN ./mvnw -B -q -DskipTests -Dexec.skip=true -Dwithout-embedded-postgres package \
	&& cp target/primarycare-*.jar app.jar \
	&& java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home primarycare
WORKDIR /app
# Layers from the least to the most often changed, so a new release only replaces the last one
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER primarycare
# 8080: the app (behind the load balancer); 8081: Actuator (health, Prometheus), for the orchestrator and monitoring only
EXPOSE 8080 8081
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Ready means the database answers; bash's /dev/tcp needs no curl in the image
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
