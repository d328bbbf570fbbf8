// Placeholder so the package resolves; replaced by this target's tests.
