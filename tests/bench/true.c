/* true: the static entrypoint every start-up figure runs. */
int main(void)
{
	return 0;
}
