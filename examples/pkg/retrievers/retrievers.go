// Package retrievers finds the documents relevant to a query.
package retrievers

import (
	"context"
	"sort"
	"strings"
)

// Document is a retrieved document.
type Document struct {
	ID      string
	Content string
	Score   float64
}

// Retriever ranks an in-memory corpus by term overlap.
type Retriever struct {
	cfg    Config
	corpus []Document
}

// New returns a Retriever over corpus.
func New(cfg Config, corpus []Document) *Retriever {
	return &Retriever{cfg: cfg, corpus: corpus}
}

// GetRelevantDocuments returns the TopK documents sharing the most terms with query.
// TODO: replace term overlap with vector search once vectorstores lands.
func (r *Retriever) GetRelevantDocuments(ctx context.Context, query string) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	terms := strings.Fields(strings.ToLower(query))
	var out []Document
	for _, d := range r.corpus {
		text := strings.ToLower(d.Content)
		var score float64
		for _, t := range terms {
			if strings.Contains(text, t) {
				score++
			}
		}
		if score > 0 {
			d.Score = score
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > r.cfg.TopK {
		out = out[:r.cfg.TopK]
	}
	return out, nil
}

// Rerank reorders docs with a cross-encoder.
func (r *Retriever) Rerank(ctx context.Context, query string, docs []Document) ([]Document, error) {
	panic("not implemented")
}
