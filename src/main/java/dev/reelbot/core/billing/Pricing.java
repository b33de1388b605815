package dev.reelbot.core.billing;

import dev.reelbot.core.ModelCatalog;
import dev.reelbot.core.Money;
import dev.reelbot.core.VideoRequest;
import java.util.Optional;

/**
 * What a request costs at today's prices ({@code video-api.models[].price}, in {@code billing.currency}): the job
 * records it when it is accepted, and that recorded price is what its reports, budgets and refunds count.
 */
public final class Pricing {
    private final ModelCatalog catalog;
    private final String currency;

    public Pricing(ModelCatalog catalog, String currency) {
        this.catalog = catalog;
        this.currency = currency;
    }

    /** The price of {@code request}: per second of its duration (or the model's default) or per video, times its count. */
    public Optional<Money> of(VideoRequest request) {
        return catalog.specFor(request.model()).costOf(request, currency);
    }

    public String currency() {
        return currency;
    }
}
