package dev.reelbot.config;

import dev.reelbot.core.Money;
import dev.reelbot.core.Price;
import dev.reelbot.core.billing.BillingSettings;
import dev.reelbot.core.billing.Budgets;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads money: {@code billing.currency}, the {@code budgets} section, and a model's {@code price}. Amounts are
 * decimal (read as written, never through a binary fraction), at most six decimal places.
 */
final class BillingReader {
    private static final Pattern PRICE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|video)");

    private BillingReader() {
    }

    static BillingSettings read(ConfigNode billing, ConfigNode budgets) {
        String currency = billing.read("currency", "USD", BillingReader::currency);
        billing.finish();
        Money perChannel = budgets.read("per-channel", null, text -> amount(text, currency, true));
        Money perWorkspace = budgets.read("per-workspace", null, text -> amount(text, currency, true));
        Map<String, Money> channels = amounts(budgets, "channels", currency);
        Map<String, Money> workspaces = amounts(budgets, "workspaces", currency);
        budgets.finish();
        return new BillingSettings(currency, new Budgets(perChannel, channels, perWorkspace, workspaces));
    }

    /** A model's price, {@code 0.10/s} (per second of video) or {@code 0.50/video}. */
    static Price price(String text) {
        Matcher m = PRICE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a price: write an amount per second of video "
                    + "(0.10/s) or per video (0.50/video), in billing.currency");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("'" + text + "' has more than " + Money.SCALE + " decimal places");
        }
        return new Price(amount, m.group(2).equals("s") ? Price.Unit.PER_SECOND : Price.Unit.PER_VIDEO);
    }

    private static Map<String, Money> amounts(ConfigNode node, String key, String currency) {
        Map<String, Money> amounts = new LinkedHashMap<>();
        node.scalars(key).forEach((name, text) -> {
            try {
                amounts.put(name, amount(text, currency, false));
            } catch (IllegalArgumentException e) {
                node.problem(node.fileLabel(), node.dotted(key) + "." + name, e.getMessage());
            }
        });
        return amounts;
    }

    /** A budget: a decimal amount, or (where a default may be absent) {@code none}. */
    private static Money amount(String text, String currency, boolean noneAllowed) {
        String value = text.strip();
        if (noneAllowed && (value.isEmpty() || value.equalsIgnoreCase("none"))) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > Money.SCALE) {
                throw new NumberFormatException();
            }
            return new Money(amount, currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount in " + currency + " (e.g. 50.00"
                    + (noneAllowed ? ", or none" : "") + ")");
        }
    }

    private static String currency(String text) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 4217 currency code (USD, EUR, CNY ...)");
        }
    }
}
