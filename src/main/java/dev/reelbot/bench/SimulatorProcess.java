package dev.reelbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelbot.core.DaemonThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API simulator in its own JVM, so the benchmark's heap, threads and CPU figures are the bot's alone: started
 * from this same jar ({@code simulate-api --port 0}), its base URL read from the first line it prints.
 */
public final class SimulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;

    public SimulatorProcess(String key, int jobSeconds, List<String> extraOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "dev.reelbot.Main", "simulate-api", "--port", "0", "--key", key, "--job-seconds",
                Integer.toString(jobSeconds)));
        command.addAll(extraOptions);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String url = null;
        for (String line; url == null && (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                url = m.group(1);
            }
        }
        if (url == null) {
            process.destroyForcibly();
            throw new IOException("the simulator did not start");
        }
        baseUrl = url;
        DaemonThreads.start("simulator-stdout", () -> out.lines().forEach(line -> { }));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Prints what the simulator itself counted of the creates it was sent: the proof, from the API's side, that
     * each job was accepted exactly once and sent again only after a refusal.
     */
    public void printCreates(PrintStream out) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/_sim/creates")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode counts = new ObjectMapper().readTree(answer.body());
        long prompts = counts.path("prompts").asLong();
        long accepted = counts.path("accepted").asLong();
        long twice = counts.path("acceptedTwice").asLong();
        out.printf("simulator: %d create requests for %d prompts: %d accepted, %d refused as busy (429)%n",
                counts.path("requests").asLong(), prompts, accepted, counts.path("refused").asLong());
        out.printf("simulator: exactly one accepted create per prompt: %s (accepted twice: %d, sent again after "
                + "anything but a refusal: %d)%n", accepted == prompts && twice == 0 ? "yes" : "NO", twice,
                counts.path("resentAfterNonRefusal").asLong());
    }

    @Override
    public void close() {
        process.destroy();
    }
}
