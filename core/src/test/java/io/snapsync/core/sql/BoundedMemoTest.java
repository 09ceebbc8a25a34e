package io.snapsync.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BoundedMemoTest {

  @Test
  void remembersValuesUntilTheBoundThenForgetsThemAllAtOnce() {
    BoundedMemo<String, Integer> memo = new BoundedMemo<>(2);
    memo.put("a", 1);
    memo.put("b", 2);
    assertEquals(1, memo.get("a"));
    assertEquals(2, memo.get("b"));
    memo.put("c", 3);
    assertNull(memo.get("a"));
    assertNull(memo.get("b"));
    assertEquals(3, memo.get("c"));
  }

  @Test
  void replacingAKeyKeepsTheOthersWhileThereIsRoom() {
    BoundedMemo<String, Integer> memo = new BoundedMemo<>(3);
    memo.put("a", 1);
    memo.put("a", 2);
    memo.put("b", 3);
    assertEquals(2, memo.get("a"));
    assertEquals(3, memo.get("b"));
  }
}
