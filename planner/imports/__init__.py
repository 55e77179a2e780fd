"""Background imports: an upload stores the file and a job; the `planner scheduler` process reads it.

Reading a scan takes seconds a page, far too long for a web request, and a hostile file must not
take a web worker's memory. `queue` makes and retries jobs, `runner` claims them with a lease
(planner.leases) and runs ingest → extract → schedule for each, page by page.
"""
