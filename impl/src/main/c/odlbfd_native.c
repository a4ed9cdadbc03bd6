/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */

/* Helpers shared by the JNI files, and the library's version check. */
#include <stdio.h>
#include <string.h>

#include "odlbfd_native.h"

/* Bumped whenever a native signature changes: the Java side refuses a stale library. */
#define ODLBFD_NATIVE_VERSION 2

void odlbfd_throw_errno(JNIEnv *env, const char *what, int err)
{
    char message[256];
    snprintf(message, sizeof(message), "%s: %s (errno %d)", what, strerror(err), err);
    jclass type = (*env)->FindClass(env, "java/io/IOException");
    if (type != NULL) {
        (*env)->ThrowNew(env, type, message);
    }
}

char *odlbfd_direct(JNIEnv *env, jobject buffer, jint offset, jint length)
{
    char *base = (*env)->GetDirectBufferAddress(env, buffer);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, buffer);
    if (base == NULL || offset < 0 || length < 0 || (jlong) offset + length > capacity) {
        jclass type = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
        if (type != NULL) {
            (*env)->ThrowNew(env, type, "not a direct buffer, or offset/length out of its bounds");
        }
        return NULL;
    }
    return base + offset;
}

JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_NativeLibrary_version0(JNIEnv *env, jclass clazz)
{
    (void) env;
    (void) clazz;
    return ODLBFD_NATIVE_VERSION;
}
