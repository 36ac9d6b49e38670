// The namespaces every part of this project works with, imported once (see docs/adr/0032).
global using Microsoft.EntityFrameworkCore;
