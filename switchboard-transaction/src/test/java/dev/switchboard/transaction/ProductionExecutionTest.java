// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The production timer wheel and stripes, checked once each without virtual time. */
class ProductionExecutionTest {
  @Test
  void wheelRunsTaskAndCancelledTaskNever() throws InterruptedException {
    try (WheelTimerService wheel = new WheelTimerService(Duration.ofMillis(1))) {
      AtomicBoolean cancelledRan = new AtomicBoolean();
      wheel.schedule(Duration.ofMillis(5), () -> cancelledRan.set(true)).cancel();
      CountDownLatch ran = new CountDownLatch(1);
      wheel.schedule(Duration.ofMillis(20), ran::countDown);
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cancelledRan).isFalse();
    }
  }

  @Test
  void sameKeyAlwaysGetsSameStripeAndTasksRunInOrder() throws InterruptedException {
    try (ThreadStripes stripes = new ThreadStripes(4)) {
      String key = Branches.newBranch();
      assertThat(stripes.stripe(key)).isSameAs(stripes.stripe(new String(key)));
      StringBuffer order = new StringBuffer();
      CountDownLatch done = new CountDownLatch(1);
      for (int i = 0; i < 5; i++) {
        int n = i;
        stripes.stripe(key).execute(() -> order.append(n));
      }
      stripes.stripe(key).execute(done::countDown);
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(order).hasToString("01234");
    }
  }
}
