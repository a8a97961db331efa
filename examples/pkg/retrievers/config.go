package retrievers

// Config configures a Retriever.
type Config struct {
	TopK int `json:"top_k" default:"4"`
}
