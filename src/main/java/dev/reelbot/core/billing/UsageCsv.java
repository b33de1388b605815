package dev.reelbot.core.billing;

import dev.reelbot.core.Requester;
import dev.reelbot.core.job.Job;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Jobs as CSV (RFC 4180: a header row, commas, CRLF, fields quoted when they hold a comma, a quote or a line
 * break), one row per job with what it cost: what admins load into a spreadsheet. A field that a spreadsheet would
 * run as a formula (starting with {@code = + - @}) is prefixed with a quote mark, since names and prompts are
 * users' text.
 */
final class UsageCsv {
    static final String HEADER = "job,accepted_at,platform,workspace,channel,user,user_name,model,seconds,count,"
            + "state,billed,price,currency,refund,refund_resolved_by,refund_resolved_at";

    private UsageCsv() {
    }

    static String of(List<Job> jobs, ToIntFunction<Job> seconds) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Job job : jobs) {
            Requester r = job.requester();
            row(csv, job.id(), time(job.times().createdAt()), r.platform(), r.workspace(), r.channel(), r.user(),
                    r.userName(), job.request().model(), String.valueOf(seconds.applyAsInt(job)),
                    String.valueOf(job.request().count() == null ? 1 : job.request().count()),
                    job.state().name().toLowerCase(Locale.ROOT), String.valueOf(job.state().isBilled()),
                    job.price() == null ? "" : job.price().plainAmount(),
                    job.price() == null ? "" : job.price().currency(),
                    job.refund().state().name().toLowerCase(Locale.ROOT),
                    job.refund().resolvedBy() == null ? "" : job.refund().resolvedBy(),
                    time(job.refund().resolvedAt()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields[i]));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String time(Instant at) {
        return at == null ? "" : at.toString();
    }
}
