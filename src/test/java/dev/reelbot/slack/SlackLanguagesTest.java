package dev.reelbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelbot.core.job.Job;
import java.io.IOException;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A Slack user is answered in the language they set in Slack, read with {@code users.info} and
 * {@code include_locale} once and then kept; the job's messages stay in it.
 */
class SlackLanguagesTest extends WithSlack {
    private static final String CHANNEL = "C0GENERAL";

    private String command(String text, String trigger, String user) throws IOException {
        try (Response response = h.command(text, trigger, user, CHANNEL)) {
            return response.body().string();
        }
    }

    @Test
    void aUserWhoseSlackIsInChineseIsAnsweredInChineseAndTheirLocaleIsAskedOnce() throws IOException {
        h.slack.userLocale("U0CHEN01", "zh-CN");

        String answer = command("一只猫 --duration 8", "trig-zh-1", "U0CHEN01");
        String second = command("list", "trig-zh-2", "U0CHEN01");

        assertThat(answer).contains("已接受任务").contains("8 秒");
        assertThat(second).contains("你最近的视频");
        assertThat(h.slack.calls("users.info")).singleElement()
                .satisfies(c -> assertThat(c.form()).containsEntry("include_locale", "1")
                        .containsEntry("user", "U0CHEN01"));
        h.runUntilSettled();
        Job job = h.store.recentJobs("slack", "U0CHEN01", 1).get(0);
        assertThat(job.requester().locale()).isEqualTo("zh-CN");
        assertThat(h.slack.message(CHANNEL, job.message().ref().messageId()).blocks()).contains("视频已就绪")
                .contains("重新生成");
    }

    @Test
    void spanishAndAnUnknownLanguage() throws IOException {
        h.slack.userLocale("U0ESPA01", "es-LA");
        h.slack.userLocale("U0PORT01", "pt-BR");

        assertThat(command("un gato", "trig-es", "U0ESPA01")).contains("aceptado");
        assertThat(command("um gato", "trig-pt", "U0PORT01")).contains("accepted");
    }
}
