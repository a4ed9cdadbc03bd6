/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
#ifndef ODLBFD_NATIVE_H
#define ODLBFD_NATIVE_H

#include <jni.h>

/* Throws java.io.IOException("<what>: <strerror(err)> (errno <err>)"). */
void odlbfd_throw_errno(JNIEnv *env, const char *what, int err);

/* Address of buffer[offset] of a direct ByteBuffer holding at least length bytes there, or NULL
 * with an IllegalArgumentException pending. */
char *odlbfd_direct(JNIEnv *env, jobject buffer, jint offset, jint length);

#endif
