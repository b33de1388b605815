package dev.reelbot.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency: decimal, never a binary fraction, so sums of prices add up to the cent. The
 * store keeps it as whole millionths of the currency unit ({@link #micros()}), which SQL can sum exactly.
 *
 * @param amount   the amount, at most six decimal places
 * @param currency an ISO 4217 code, e.g. {@code USD}
 */
public record Money(BigDecimal amount, String currency) {
    /** Decimal places kept: a millionth of the unit is finer than any per-second price. */
    public static final int SCALE = 6;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("an amount has at most " + SCALE + " decimal places: " + amount);
        }
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The amount stored as {@code micros} millionths of the currency unit. */
    public static Money ofMicros(long micros, String currency) {
        return new Money(BigDecimal.valueOf(micros, SCALE), currency);
    }

    /** The amount in millionths of the currency unit, as the store keeps it. */
    public long micros() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    /** What share of {@code whole} this is, in whole percent, rounded down. */
    public int percentOf(Money whole) {
        requireSameCurrency(whole);
        if (whole.amount.signum() == 0) {
            return amount.signum() == 0 ? 0 : 100;
        }
        return amount.multiply(BigDecimal.valueOf(100)).divide(whole.amount, 0, RoundingMode.FLOOR).intValue();
    }

    /**
     * "0.80 USD", "12.125 USD", "1500 JPY": the currency's usual decimal places, more when the amount has them,
     * plain digits (no grouping, no locale), then the code.
     */
    public String format() {
        return plainAmount() + " " + currency;
    }

    /** The amount alone, as {@link #format()} writes it ("0.80"): for CSV columns and sums. */
    public String plainAmount() {
        int usual = usualDecimals(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        int scale = Math.max(usual, Math.max(0, stripped.scale()));
        return amount.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public String toString() {
        return format();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    private static int usualDecimals(String code) {
        try {
            return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException notIso) {
            return 2;
        }
    }
}
