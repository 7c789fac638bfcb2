/**
 * What every console page shares: the filter that establishes the caller from the session and guards the pages
 * that need an account ({@link io.berth.console.shell.ConsoleFilter}), the header and navigation
 * ({@link io.berth.console.shell.Shell}), the visitor's preferences (language, theme, dates, page size), texts and
 * messages for beans ({@link io.berth.console.shell.Texts}), the lazy table model over the facades' list calls
 * ({@link io.berth.console.shell.ListingModel}) and the error page.
 */
package io.berth.console.shell;
