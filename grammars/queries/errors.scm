; Parse errors. Run only when the root node reports an error: matching
; MISSING nodes makes the query consider every node of the tree.

(ERROR) @syntax.error
(MISSING) @syntax.missing
