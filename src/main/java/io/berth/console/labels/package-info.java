/**
 * What the two label pages share ({@code src/main/webapp/console/labels/}): the table of labels (name as a coloured
 * chip, description, creation time; sorted and filtered on the server), the new/edit dialog and the delete
 * confirmation. {@link io.berth.console.labels.LabelEditor} is the common bean behind the project tab
 * ({@code io.berth.console.projects.ProjectLabels}) and the global labels page
 * ({@code io.berth.console.admin.GlobalLabels}); everything goes through {@link io.berth.registry.boundary.api.Labels}.
 */
package io.berth.console.labels;
