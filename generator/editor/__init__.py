"""The editor: Decap CMS's configuration made from schemas/, and the save backend `kb serve
--edit` answers at /api/v1. In: a request from the browser. Out: record and media files
written inside content/, all or none, only after kb's own validator passed them."""
