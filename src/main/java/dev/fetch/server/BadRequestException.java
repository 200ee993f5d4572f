package dev.fetch.server;

/** A request the site cannot serve as asked (a bad number, an unknown page): answered with 400. */
final class BadRequestException extends RuntimeException {
  BadRequestException(String message) {
    super(message);
  }
}
