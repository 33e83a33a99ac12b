# Prepare a Request Tracker 5 for the integration test: an API token for root, a `Fingerprint` ticket
# custom field, and two queues, one with the field applied and one without. Prints JSON.
use strict; use warnings;
use lib '/usr/share/request-tracker5/lib', '/etc/request-tracker5';
use RT; RT::LoadConfig(); RT::Init();
my $suffix = $ARGV[0] || time;
my $root = RT::User->new(RT->SystemUser); $root->Load('root');
my $token = RT::AuthToken->new(RT->SystemUser);
my ($tid, $tmsg, $auth) = $token->Create(Owner => $root->Id, Description => "passerelle-test-$suffix");
die "token: $tmsg" unless $tid;
my $cf = RT::CustomField->new(RT->SystemUser); $cf->LoadByName(Name => 'Fingerprint', LookupType => 'RT::Queue-RT::Ticket');
unless ($cf->Id) {
  my ($ok, $msg) = $cf->Create(Name => 'Fingerprint', Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket');
  die "cf: $msg" unless $ok;
}
my %queues;
for my $kind ('cf', 'plain') {
  my $q = RT::Queue->new(RT->SystemUser);
  my ($ok, $msg) = $q->Create(Name => "pas-$kind-$suffix");
  die "queue: $msg" unless $ok;
  if ($kind eq 'cf') { my ($ok2, $m2) = $cf->AddToObject($q); die "apply cf: $m2" unless $ok2; }
  $queues{$kind} = $q->Name;
}
# This database is a per-run copy: its scrips (notification mails, autoreplies) only slow the test down.
my $scrips = RT::Scrips->new(RT->SystemUser); $scrips->UnLimit;
while (my $s = $scrips->Next) { $s->SetDisabled(1) }
print qq({"token":"$auth","withField":"$queues{cf}","withoutField":"$queues{plain}"}\n);
