package io.snapsync.core.cluster;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/** A verified member message whose replies carry the proof {@link ClusterTrust#request} checks. */
final class SignedReplies<T> implements Message<T> {

  private final Message<T> delegate;
  private final ClusterTrust trust;

  SignedReplies(Message<T> delegate, ClusterTrust trust) {
    this.delegate = delegate;
    this.trust = trust;
  }

  @Override
  public String address() {
    return delegate.address();
  }

  @Override
  public MultiMap headers() {
    return delegate.headers();
  }

  @Override
  public T body() {
    return delegate.body();
  }

  @Override
  public String replyAddress() {
    return delegate.replyAddress();
  }

  @Override
  public boolean isSend() {
    return delegate.isSend();
  }

  @Override
  public void reply(Object message, DeliveryOptions options) {
    delegate.reply(message, trust.signReply(nonce(), message, options));
  }

  @Override
  public <R> Future<Message<R>> replyAndRequest(Object message, DeliveryOptions options) {
    return delegate.replyAndRequest(message, trust.signReply(nonce(), message, options));
  }

  @Override
  public void fail(int failureCode, String message) {
    delegate.fail(failureCode, message);
  }

  private String nonce() {
    return delegate.headers().get(ClusterTrust.NONCE);
  }
}
