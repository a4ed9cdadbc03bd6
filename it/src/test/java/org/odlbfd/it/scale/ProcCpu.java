/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.odlbfd.it.interop.Shell;

/**
 * CPU time of one process from /proc/PID/stat: utime + stime (fields 14 and 15), all threads.
 */
final class ProcCpu {
    /** Clock ticks per second of the stat fields (USER_HZ). */
    static final long CLK_TCK = Long.parseLong(Shell.check("getconf", "CLK_TCK").out().trim());

    private ProcCpu() {
    }

    /** utime + stime of {@code pid} in microseconds, or -1 when the process is gone. */
    static long micros(final long pid) {
        final String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return -1;
        }
        // the command name may hold spaces: count fields after its closing parenthesis (field 3 = index 0)
        final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1_000_000L / CLK_TCK;
    }
}
