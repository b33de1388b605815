package dev.reelbot.core.billing;

import java.util.Objects;

/**
 * How jobs are priced and limited: the currency every price and budget is in ({@code billing.currency}), and the
 * monthly budgets ({@code budgets.*}). Prices themselves belong to the models ({@code video-api.models[].price}).
 *
 * @param currency an ISO 4217 code
 * @param budgets  the monthly spend limits
 */
public record BillingSettings(String currency, Budgets budgets) {
    public static final BillingSettings DEFAULTS = new BillingSettings("USD", Budgets.NONE);

    public BillingSettings {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(budgets, "budgets");
    }
}
