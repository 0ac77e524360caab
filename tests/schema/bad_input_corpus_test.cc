// Placeholder: filled in by the test's author.
