package embeddings

import (
	"fmt"
	"sync"
)

// Factory builds a Provider from a configuration.
type Factory func(cfg Config) (Provider, error)

var (
	mu        sync.RWMutex
	factories = map[string]Factory{}
)

// Register makes factory available under name. Providers call it in init().
func Register(name string, factory Factory) {
	mu.Lock()
	defer mu.Unlock()
	factories[name] = factory
}

// New builds the Provider registered under cfg.Provider.
func New(cfg Config) (Provider, error) {
	mu.RLock()
	factory, ok := factories[cfg.Provider]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("embeddings: no provider registered as %q", cfg.Provider)
	}
	return factory(cfg)
}
