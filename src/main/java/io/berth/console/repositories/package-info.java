/**
 * The repository page ({@code src/main/webapp/console/repositories/}): its Markdown description, rendered with raw
 * HTML escaped, and its artifacts with tags, platforms, sizes, signatures, labels and the actions on them.
 */
package io.berth.console.repositories;
