/**
 * What jobs cost: the billing settings and monthly budgets, usage reports for users and admins, and the budget
 * alerts. Money is decimal ({@code core.Money}); a job's price is recorded on it when it is accepted. It uses the
 * core's ports, jobs and text; the engine uses it.
 */
package dev.reelbot.core.billing;
