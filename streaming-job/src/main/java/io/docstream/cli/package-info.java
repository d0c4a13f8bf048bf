/** Command-line entry points behind {@code bin/docstream}; they run the engine on local files, outside the pipeline. */
package io.docstream.cli;
