/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

/**
 * What RFC 8343 requires of an operational interface entry, as the kernel has it.
 *
 * @param index the ifindex (if-index)
 * @param adminUp IFF_UP (admin-status)
 * @param operUp IFF_RUNNING (oper-status)
 */
public record LinkState(int index, boolean adminUp, boolean operUp) {
}
