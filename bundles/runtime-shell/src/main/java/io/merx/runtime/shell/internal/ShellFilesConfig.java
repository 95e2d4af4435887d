package io.merx.runtime.shell.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The keys of the runtime's pid ({@value ShellFiles#PID}) that only the shell reads: where {@code model:train},
 * {@code model:import} and {@code model:export} may touch the server's files. The same pid as the runtime, so an
 * existing {@code etc/io.merx.runtime.cfg} keeps confining the shell after it moved to its own bundle; the runtime
 * ignores these keys.
 */
@ObjectClassDefinition(name = "Merx Runtime shell file access",
        description = "Where the model: shell commands may read data sets and archives and write exports.")
@interface ShellFilesConfig {

    @AttributeDefinition(name = "Shell data set directories",
            description = "Directories model:train may read data sets from. Relative names resolve against each"
                    + " in turn; paths outside them, '..', and Karaf's deploy/, etc/, system/, lib/ and bin/ are"
                    + " refused. Empty means ${karaf.data}/merx/datasets.")
    String[] datasetDirectories() default {};

    @AttributeDefinition(name = "Shell import directories",
            description = "Directories model:import may read archives from, with the same rules. Empty means"
                    + " ${karaf.data}/merx/imports and the export directory.")
    String[] importDirectories() default {};

    @AttributeDefinition(name = "Shell export directory",
            description = "The directory model:export writes archives into (never replacing a file without"
                    + " --force). Empty means ${karaf.data}/merx/exports.")
    String exportDirectory() default "";
}
