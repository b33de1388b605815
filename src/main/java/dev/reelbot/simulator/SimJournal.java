package dev.reelbot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A simulator's jobs in a JSON file, rewritten whenever a job is accepted and read back at start, so a simulator
 * started again answers for the jobs it took before (the demo's {@code --db} resume: without it every resumed job
 * would be "lost"). It also remembers the port, so result links handed out before still work when it is free.
 * A job is forgotten a day after its result link expired.
 *
 * <p>Threading: {@link #save} is synchronized; each write goes to a temporary file moved over the old one, so a
 * kill at any moment leaves the last complete journal.
 */
final class SimJournal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final Path file;

    SimJournal(Path file) {
        this.file = file;
    }

    /** What a journal holds: the port last served on (0 if none) and the jobs. */
    record Saved(int port, List<SimJob> jobs) {
        /** The port to start on: the one served on before when {@code options} asks for any and it is free. */
        int portFor(SimulatorOptions options) {
            return options.port() == 0 && port > 0 && isFree(options.host(), port) ? port : options.port();
        }

        private static boolean isFree(String host, int port) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
                return true;
            } catch (IOException taken) {
                return false;
            }
        }
    }

    Saved load() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException first) {
            return new Saved(0, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " (the simulator's jobs) cannot be read: " + e.getMessage()
                    + "; delete it to start the simulator without them", e);
        }
        List<SimJob> jobs = new ArrayList<>();
        for (JsonNode job : root.path("jobs")) {
            Set<Behaviour> behaviours = EnumSet.noneOf(Behaviour.class);
            job.path("behaviours").forEach(b -> behaviours.add(Behaviour.valueOf(b.asText().toUpperCase(Locale.ROOT))));
            jobs.add(new SimJob(job.path("id").asText(), job.path("model").asText(), job.path("prompt").asText(),
                    behaviours, Instant.ofEpochMilli(job.path("createdAt").asLong()),
                    Duration.ofMillis(job.path("runTimeMillis").asLong()), job.path("seconds").asText(),
                    job.path("size").asText(), curve(job.path("curve"))));
        }
        return new Saved(root.path("port").asInt(0), jobs);
    }

    /** A job's progress curve; journals written before curves existed hold linear jobs. */
    private static ProgressCurve curve(JsonNode curve) {
        if (curve.isMissingNode()) {
            return ProgressCurve.LINEAR;
        }
        return new ProgressCurve(ProgressShape.parse(curve.path("shape").asText()), curve.path("stallAt").asInt(),
                curve.path("stallShare").asDouble());
    }

    synchronized void save(int port, Collection<SimJob> jobs, Instant now) {
        ObjectNode root = JSON.createObjectNode().put("port", port);
        ArrayNode list = root.putArray("jobs");
        for (SimJob job : jobs) {
            if (now.isAfter(job.expiresAt().plus(KEPT_AFTER_EXPIRY))) {
                continue;
            }
            ObjectNode node = list.addObject().put("id", job.id()).put("model", job.model())
                    .put("prompt", job.prompt()).put("createdAt", job.createdAt().toEpochMilli())
                    .put("runTimeMillis", job.runTime().toMillis()).put("seconds", job.seconds())
                    .put("size", job.size());
            node.putObject("curve").put("shape", job.curve().shape().name().toLowerCase(Locale.ROOT))
                    .put("stallAt", job.curve().stallAt()).put("stallShare", job.curve().stallShare());
            ArrayNode behaviours = node.putArray("behaviours");
            job.behaviours().forEach(b -> behaviours.add(b.name().toLowerCase(Locale.ROOT)));
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, root.toString());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the simulator's jobs to " + file, e);
        }
    }
}
