package io.berth.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Re-runs a {@code @Transactional} method, in a fresh transaction, when it lost a race on a unique key or a
 * version check. Registry writes race by nature (two clients pushing the same tag or blob at once); the
 * loser's second attempt finds the winner's row and succeeds.
 * <pre>
 * &#64;RetryOnConflict
 * &#64;Transactional(TxType.REQUIRES_NEW)
 * public PushedManifest put(...) { ... }
 * </pre>
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryOnConflict {
}
