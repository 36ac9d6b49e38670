// The namespaces most files of this project use, imported once (see docs/adr/0032).
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
