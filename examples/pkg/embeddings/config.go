package embeddings

// Config configures an Embedder.
type Config struct {
	Provider   string `json:"provider" validate:"required"`
	Model      string `json:"model" default:"text-embedding-3-small"`
	APIKey     string `json:"api_key"`
	Dimensions int    `json:"dimensions" default:"1536"`
}
