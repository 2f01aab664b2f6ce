# Runs the production jar built by `./mvnw -Pproduction package` (no Node, no Maven in here).
# No demo accounts: demo mode is off unless the container gets CHATSHARE_DEMO=true (a trial only).
FROM eclipse-temurin:25-jre
RUN groupadd --system chatshare && useradd --system --gid chatshare --home /app chatshare
WORKDIR /app
COPY target/chatshare-*.jar /app/chatshare.jar
USER chatshare
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/chatshare.jar"]
