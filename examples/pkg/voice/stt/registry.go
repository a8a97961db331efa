package stt

import (
	"fmt"
	"sync"
)

// Factory builds a Transcriber from a configuration.
type Factory func(cfg Config) (Transcriber, error)

var (
	mu        sync.RWMutex
	factories = map[string]Factory{}
)

// Register makes factory available under name.
func Register(name string, factory Factory) {
	mu.Lock()
	defer mu.Unlock()
	factories[name] = factory
}

// New builds the Transcriber registered under cfg.Provider.
func New(cfg Config) (Transcriber, error) {
	mu.RLock()
	factory, ok := factories[cfg.Provider]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("stt: no provider registered as %q", cfg.Provider)
	}
	return factory(cfg)
}
