import '../../../tools/web-test-setup';
