/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

/**
 * Something a test started and must stop (a process, a namespace); close() is idempotent and
 * throws nothing checked.
 */
public interface Resource extends AutoCloseable {
    @Override
    void close();
}
