/**
 * The console's languages: English and Simplified Chinese, as one Faces resource bundle ({@code msg}) read from one
 * properties file per console area and language under {@code src/main/resources/io/berth/console/i18n/}.
 * <p>
 * Pages hold no literal text: every word a user reads comes from here, chosen by the browser's language unless
 * the user's preference says otherwise ({@code io.berth.console.shell.Preferences}).
 */
package io.berth.console.i18n;
