-- The page size a user chose for the web console's tables, so that it follows the user to another browser
-- (the console's other preferences stay with the browser, as Harbor keeps them). NULL until the user picks one.
ALTER TABLE berth_user ADD COLUMN console_page_size INTEGER;
