-- A paper is featured on a day when it has a hub_entries row for that day, whatever the hub: 'hf' for
-- Hugging Face's daily list, 'local' for a submission to this instance (submitter = the person; upvotes and
-- comments 0, because this instance's votes and comments live in their own tables). Day, week and month
-- pages read every hub's entries of a date range, and prev/next links ask for the nearest day with any
-- entry: both are range scans of this index.
CREATE INDEX hub_entries_by_day ON hub_entries (list_date DESC, paper_id DESC);
