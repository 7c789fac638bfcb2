/**
 * Signing in and out, signing up, and one's own account (profile, password, preferences): the pages under
 * {@code src/main/webapp/console/account/}. Sessions start and end in {@code io.berth.auth.boundary.ConsoleSessions},
 * the same door as {@code POST /c/login}.
 */
package io.berth.console.account;
