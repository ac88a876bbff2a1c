// Placeholder until the provisioning program lands (issue #3).
return 0;
