# Production image: the NHS.UK frontend assets come from npm in a Node stage, the app is built with the Maven wrapper
# in a JDK stage, and the runtime is a plain JRE with the fat jar.
FROM node:20-bookworm-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY --from=frontend /build/node_modules node_modules
COPY src src
# npm already ran in the frontend stage
RUN ./mvnw -B -q -DskipTests -Dexec.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 primarycare
USER primarycare
WORKDIR /app
COPY --from=build /build/target/primarycare-*.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/app.jar"]
