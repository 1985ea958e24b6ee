// The seed facts (SeedFacts) and the site fixtures live there; nearly every test names them.
global using CchcSite.Testing;
