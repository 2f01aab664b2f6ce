# Runs the production jar built by `./mvnw -Pproduction package` (no Node, no Maven in here).
# No demo accounts: demo mode is off unless the container gets CHATSHARE_DEMO=true (a trial only).
#
# Start-up (BENCHMARKS.md, "Restart"): the jar runs extracted (a plain class path, no nested jars)
# with a JDK 25 AOT cache, classes loaded and linked ahead of time, which halved the time to healthy
# on a restart. The cache is recorded here by one training start that stops once the Spring context
# is refreshed (spring.context.exit=onRefresh), on a throw-away embedded MariaDB. It is only valid
# for the same JDK and class path, which is why both stages use the same base image; a JVM that
# finds it unusable says so and starts without it.
FROM eclipse-temurin:25-jre AS aot
WORKDIR /build
COPY target/chatshare-*.jar chatshare.jar
RUN java -Djarmode=tools -jar chatshare.jar extract --destination /app
RUN CHATSHARE_EMBEDDEDDATABASE_DATADIR= java -XX:AOTCacheOutput=/app/chatshare.aot \
    -Dspring.context.exit=onRefresh -jar /app/chatshare.jar

FROM eclipse-temurin:25-jre
RUN groupadd --system chatshare && useradd --system --gid chatshare --home /app chatshare
WORKDIR /app
COPY --from=aot /app /app
USER chatshare
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:AOTCache=/app/chatshare.aot", "-jar", "/app/chatshare.jar"]
