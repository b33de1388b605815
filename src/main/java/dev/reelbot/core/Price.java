package dev.reelbot.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one job of a model costs, as the installation's config says: an amount per second of video, or per video.
 * Config writes it {@code 0.10/s} or {@code 0.50/video}, in the currency of {@code billing.currency}.
 *
 * @param amount the amount per unit, not negative, at most six decimal places
 * @param unit   per second of video, or per video
 */
public record Price(BigDecimal amount, Unit unit) {

    /** What the amount is charged for. */
    public enum Unit {
        PER_SECOND("s"), PER_VIDEO("video");

        private final String word;

        Unit(String word) {
            this.word = word;
        }
    }

    public Price {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("a price is a positive amount with at most " + Money.SCALE
                    + " decimal places: " + amount);
        }
    }

    /** What a job of {@code count} videos of {@code seconds} each costs. */
    public Money costOf(int seconds, int count, String currency) {
        BigDecimal each = unit == Unit.PER_SECOND ? amount.multiply(BigDecimal.valueOf(seconds)) : amount;
        return new Money(each.multiply(BigDecimal.valueOf(count)), currency);
    }

    /** As config writes it: {@code 0.10/s}, {@code 0.5/video}. */
    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + "/" + unit.word;
    }
}
