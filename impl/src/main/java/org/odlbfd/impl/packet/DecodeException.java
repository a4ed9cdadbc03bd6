/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import static java.util.Objects.requireNonNull;

/**
 * A received datagram that is not a valid Control packet. Checked, so that every caller decides
 * to count and drop it: a malformed packet never propagates through the engine.
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    /**
     * Creates the exception. No stack trace is captured: this is a hot, expected path.
     *
     * @param reason the typed reason
     * @param detail what exactly was wrong
     */
    public DecodeException(final RejectReason reason, final String detail) {
        super(detail, null, false, false);
        this.reason = requireNonNull(reason);
    }

    /**
     * The typed reason, for counting.
     *
     * @return reason
     */
    public RejectReason reason() {
        return reason;
    }
}
