/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

/**
 * The ietf-bfd-types {@code detection-mode} identities.
 */
public enum DetectionMode {
    /** async-with-echo. */
    ASYNC_WITH_ECHO,
    /** async-without-echo. */
    ASYNC_WITHOUT_ECHO,
    /** demand-with-echo. */
    DEMAND_WITH_ECHO,
    /** demand-without-echo. */
    DEMAND_WITHOUT_ECHO
}
